import { WHOLESALER_SALES } from './catalogue.js';

/** Where a demo sale ends up. */
export type SaleOutcome =
  | 'draft'
  | 'quotation'
  | 'confirmed'
  /** Processing, its invoice posted and unpaid. */
  | 'invoiced'
  /** Processing, its invoice posted and partly paid. */
  | 'partlyPaid'
  /** Invoice paid and shipment delivered. */
  | 'done'
  | 'cancelled';

export interface SalePlan {
  customer: 'marie' | 'jean' | 'wholesaler';
  outcome: SaleOutcome;
  monthsAgo: number;
  day: number;
  reference: string;
  /** [product code, quantity]: decimal quantities for products sold by the kilogram. */
  lines: [string, number][];
  /** A quotation quoted this many days ago and valid 30 days (Tryton 7.2 and later). */
  quotedDaysAgo?: number;
}

const MARIE: Omit<SalePlan, 'customer'>[] = [
  { outcome: 'draft', monthsAgo: 0, day: 20, reference: 'BROUILLON-1', lines: [['CAF-ETH', 1]] },
  { outcome: 'draft', monthsAgo: 1, day: 3, reference: 'BROUILLON-2', lines: [['THE-SEN', 0.5]] },
  {
    outcome: 'quotation',
    monthsAgo: 0,
    day: 18,
    reference: 'DUP-2611-A',
    quotedDaysAgo: 0,
    lines: [
      ['CAF-ETH', 2.5],
      ['CHO-70', 24],
    ],
  },
  {
    outcome: 'quotation',
    monthsAgo: 1,
    day: 27,
    reference: 'DUP-2610-B',
    lines: [['MIE-LAV', 12]],
    // Past its validity: it cannot be accepted on the portal any more.
    quotedDaysAgo: 45,
  },
  {
    outcome: 'confirmed',
    monthsAgo: 0,
    day: 10,
    reference: 'DUP-2611-C',
    lines: [
      ['HUI-OLV', 18],
      ['SEL-GUE', 1.25],
    ],
  },
  {
    outcome: 'invoiced',
    monthsAgo: 0,
    day: 4,
    reference: 'DUP-2611-D',
    lines: [
      ['COM-18', 3.4],
      ['CRE-ISI', 20],
    ],
  },
  {
    outcome: 'invoiced',
    monthsAgo: 2,
    day: 14,
    reference: 'DUP-2609-E',
    lines: [
      ['CAF-ETH', 5],
      ['THE-SEN', 1.75],
    ],
  },
  {
    outcome: 'partlyPaid',
    monthsAgo: 3,
    day: 8,
    reference: 'DUP-2608-F',
    lines: [
      ['HUI-OLV', 36],
      ['CON-ABR', 48],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 4,
    day: 12,
    reference: 'DUP-2607-G',
    lines: [
      ['FAR-T65', 25],
      ['SEL-GUE', 2],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 5,
    day: 22,
    reference: 'DUP-2606-H',
    lines: [
      ['CHO-70', 60],
      ['MIE-LAV', 10],
    ],
  },
  { outcome: 'cancelled', monthsAgo: 5, day: 2, reference: 'DUP-2606-I', lines: [['COM-18', 1.5]] },
  {
    outcome: 'done',
    monthsAgo: 6,
    day: 16,
    reference: 'DUP-2605-J',
    lines: [
      ['CAF-ETH', 4.5],
      ['CRE-ISI', 30],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 8,
    day: 9,
    reference: 'DUP-2603-K',
    lines: [
      ['THE-SEN', 2.25],
      ['CON-ABR', 24],
      ['BIS-SAB', 12],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 10,
    day: 19,
    reference: 'DUP-2601-L',
    lines: [
      ['HUI-OLV', 24],
      ['COM-18', 2.8],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 11,
    day: 6,
    reference: 'DUP-2512-M',
    lines: [
      ['FAR-T65', 50],
      ['CHO-70', 36],
    ],
  },
];

const JEAN: Omit<SalePlan, 'customer'>[] = [
  { outcome: 'quotation', monthsAgo: 0, day: 15, reference: 'MAR-Q1', lines: [['FAR-T65', 100]] },
  {
    outcome: 'invoiced',
    monthsAgo: 2,
    day: 5,
    reference: 'MAR-P1',
    lines: [
      ['FAR-T65', 75],
      ['SEL-GUE', 5],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 1,
    day: 11,
    reference: 'MAR-D1',
    lines: [
      ['FAR-T65', 80],
      ['CRE-ISI', 12],
    ],
  },
  {
    outcome: 'done',
    monthsAgo: 6,
    day: 21,
    reference: 'MAR-D2',
    lines: [
      ['FAR-T65', 60],
      ['CON-ABR', 6],
    ],
  },
];

const CODES = [
  'CAF-ETH',
  'HUI-OLV',
  'THE-SEN',
  'CHO-70',
  'FAR-T65',
  'CON-ABR',
  'COM-18',
  'SEL-GUE',
];

function wholesaler(): Omit<SalePlan, 'customer'>[] {
  return Array.from({ length: WHOLESALER_SALES }, (_, i) => {
    const outcome = i < 8 ? 'invoiced' : i < 20 ? 'confirmed' : 'quotation';
    const first = CODES[i % CODES.length] as string;
    const second = CODES[(i * 3 + 1) % CODES.length] as string;
    return {
      outcome,
      monthsAgo: i % 12,
      day: 1 + (i % 27),
      reference: `GRA-${String(i + 1).padStart(4, '0')}`,
      lines: [
        [first, 10 + (i % 7)],
        [second, 5 + (i % 5)],
      ],
    } satisfies Omit<SalePlan, 'customer'>;
  });
}

/** Every demo sale, deterministic for a given day. */
export function salePlans(): SalePlan[] {
  return [
    ...MARIE.map((p) => ({ ...p, customer: 'marie' as const })),
    ...JEAN.map((p) => ({ ...p, customer: 'jean' as const })),
    ...wholesaler().map((p) => ({ ...p, customer: 'wholesaler' as const })),
  ];
}
