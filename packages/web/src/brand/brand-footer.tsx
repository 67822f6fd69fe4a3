import { useTranslation } from 'react-i18next';
import { useBrand, useBrandName } from './brand-context';

const LINKS = ['home', 'contact', 'legalNotice', 'privacyPolicy'] as const;

/** The company's name and the links back to its showcase site, under every page. */
export function BrandFooter() {
  const { t } = useTranslation();
  const { links } = useBrand();
  const name = useBrandName();
  const shown = LINKS.filter((key) => links[key]);
  return (
    <footer className="brand-footer">
      <div className="brand-footer-inner">
        <span className="brand-footer-name">
          © {new Date().getFullYear()} {name}
        </span>
        {shown.length > 0 && (
          <nav aria-label={t('brand.links', { name })}>
            <ul>
              {shown.map((key) => (
                <li key={key}>
                  <a href={links[key]}>{t(`brand.${key}`, { name })}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </footer>
  );
}
