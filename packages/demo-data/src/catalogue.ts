/**
 * What the demo company sells and to whom. Plain data: the seed turns it into Tryton records.
 * Names carry accents on purpose (the portal must show them right), and some products are
 * sold by the kilogram with decimal quantities.
 */

export const DEMO_PASSWORD = 'Portail-Demo-2026!';

export const COMPANY = {
  name: 'Comptoir Lyonnais SARL',
  /** Where Tryton tells the company of its customers' answers on the portal. */
  email: 'commandes@comptoir-lyonnais.example.fr',
  street: '8 quai Saint-Antoine',
  postalCode: '69002',
  city: 'Lyon',
};

/**
 * The account customers pay the company into (a valid test IBAN, the example of the French
 * banking federation's documentation, and its bank's BIC): the portal shows it with the EPC QR
 * code of unpaid invoices.
 */
export const COMPANY_BANK_ACCOUNT = {
  bankName: 'Crédit Agricole',
  bic: 'AGRIFRPP',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
};

export interface ProductSpec {
  code: string;
  name: string;
  /** `kg` or `u` (unit). */
  uom: 'kg' | 'u';
  price: string;
  /** No longer sold (not salable) once the demo's past orders are made: a re-order leaves it out. */
  discontinued?: boolean;
}

export const PRODUCTS: ProductSpec[] = [
  { code: 'CAF-ETH', name: 'Café en grains Éthiopie Moka', uom: 'kg', price: '24.50' },
  { code: 'HUI-OLV', name: "Huile d'olive vierge extra, 75 cl", uom: 'u', price: '12.90' },
  { code: 'THE-SEN', name: 'Thé vert Sencha', uom: 'kg', price: '38.00' },
  { code: 'CHO-70', name: 'Chocolat noir 70 %, tablette 100 g', uom: 'u', price: '3.20' },
  { code: 'FAR-T65', name: 'Farine de blé T65', uom: 'kg', price: '1.35' },
  { code: 'CON-ABR', name: "Confiture d'abricots, pot 370 g", uom: 'u', price: '4.75' },
  { code: 'COM-18', name: 'Comté AOP 18 mois', uom: 'kg', price: '27.80' },
  { code: 'SEL-GUE', name: 'Sel de Guérande, fleur de sel', uom: 'kg', price: '6.40' },
  { code: 'MIE-LAV', name: 'Miel de lavande de Provence', uom: 'u', price: '9.90' },
  { code: 'CRE-ISI', name: "Crème fraîche d'Isigny AOP", uom: 'u', price: '3.85' },
  {
    code: 'BIS-SAB',
    name: 'Biscuits sablés pur beurre, boîte 250 g',
    uom: 'u',
    price: '5.60',
    discontinued: true,
  },
];

export interface CustomerSpec {
  key: 'marie' | 'jean' | 'wholesaler' | 'noWebUser';
  party: string;
  /** The web user's e-mail; none for a party without portal access. */
  email?: string;
  language: 'fr' | 'en';
  street: string;
  postalCode: string;
  city: string;
  phone: string;
}

export const CUSTOMERS: CustomerSpec[] = [
  {
    key: 'marie',
    party: 'Épicerie Dupont',
    email: 'marie.dupont@example.fr',
    language: 'fr',
    street: '12 rue de la République',
    postalCode: '69002',
    city: 'Lyon',
    phone: '+33 4 78 00 12 34',
  },
  {
    key: 'jean',
    party: 'Boulangerie Martin',
    email: 'jean.martin@example.fr',
    language: 'en',
    street: '3 place du Marché',
    postalCode: '38000',
    city: 'Grenoble',
    phone: '+33 4 76 00 56 78',
  },
  {
    key: 'wholesaler',
    party: 'Grossiste Rhône-Alpes',
    email: 'grossiste@example.fr',
    language: 'fr',
    street: 'ZI des Îles, 45 avenue de la Gare',
    postalCode: '69200',
    city: 'Vénissieux',
    phone: '+33 4 72 00 90 12',
  },
  {
    key: 'noWebUser',
    party: 'Café du Port',
    language: 'fr',
    street: '1 quai de la Fosse',
    postalCode: '44000',
    city: 'Nantes',
    phone: '+33 2 40 00 34 56',
  },
];

/**
 * The grocery's other members (issue 16): Marie is its administrator; these sign in with the
 * demo password too, each in its role.
 */
export interface MemberSpec {
  key: 'buyer' | 'accountant';
  /** The customer whose member it is. */
  customer: CustomerSpec['key'];
  email: string;
  role: 'buyer' | 'accountant';
}

export const MEMBERS: MemberSpec[] = [
  { key: 'buyer', customer: 'marie', email: 'luc.dupont@example.fr', role: 'buyer' },
  { key: 'accountant', customer: 'marie', email: 'compta.dupont@example.fr', role: 'accountant' },
];

/** How many sales the wholesaler has: more than 500, for pagination and performance. */
export const WHOLESALER_SALES = 520;

/**
 * The company's Stripe account in Tryton (account_payment_stripe), for paying invoices online.
 * Test-mode-shaped keys that only the devstack's Stripe stand-in accepts: Stripe refuses them.
 * Try real test mode by replacing them with the keys of a Stripe test account
 * (docs/decisions/payment-provider.md).
 */
export const STRIPE_ACCOUNT = {
  name: 'Stripe (démo)',
  journalName: 'Carte bancaire',
  secretKey: 'sk_test_portal_demo_stand_in',
  publishableKey: 'pk_test_portal_demo_stand_in',
  webhookSecret: 'whsec_portal_demo_stand_in',
};
