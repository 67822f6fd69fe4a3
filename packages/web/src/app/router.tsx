import type { RouteObject } from 'react-router';
import { FullPageSpinner } from '@/components/full-page-spinner';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { NotFound } from './not-found';
import { PageError, RouteError } from './route-error';

// Every page is its own chunk, fetched when first visited: the sign-in page never downloads the
// dashboard, and the dashboard never downloads the order detail.
export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpinner />,
    children: [
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('@/features/auth/routes/sign-in')).default }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/forgot-password')).default,
        }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/reset-password')).default,
        }),
      },
      {
        path: 'invitation',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/invitation')).default,
        }),
      },
      {
        path: 'validate-email',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/validate-email')).default,
        }),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            lazy: async () => ({ Component: (await import('./app-shell')).default }),
            children: [
              {
                // A failing page keeps the frame: its error shows where the page would be.
                errorElement: <PageError />,
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await import('@/features/dashboard/routes/dashboard')).default,
                    }),
                  },
                  {
                    path: 'orders',
                    lazy: async () => ({
                      Component: (await import('@/features/orders/routes/orders-list')).default,
                    }),
                  },
                  {
                    path: 'orders/:number',
                    lazy: async () => ({
                      Component: (await import('@/features/orders/routes/order-detail')).default,
                    }),
                  },
                  {
                    path: 'invoices',
                    lazy: async () => ({
                      Component: (await import('@/features/invoices/routes/invoices-list')).default,
                    }),
                  },
                  {
                    path: 'invoices/:number',
                    lazy: async () => ({
                      Component: (await import('@/features/invoices/routes/invoice-detail'))
                        .default,
                    }),
                  },
                  {
                    path: 'documents',
                    lazy: async () => ({
                      Component: (await import('@/features/documents/routes/documents-list'))
                        .default,
                    }),
                  },
                  {
                    path: 'team',
                    lazy: async () => ({
                      Component: (await import('@/features/team/routes/team')).default,
                    }),
                  },
                  {
                    path: 'account',
                    lazy: async () => ({
                      Component: (await import('@/features/account/routes/account')).default,
                    }),
                  },
                  { path: '*', Component: NotFound },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
