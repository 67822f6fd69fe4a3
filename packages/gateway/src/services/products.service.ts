import type { Product } from '../models.js';
import type { CustomerTryton } from '../tryton/customer-tryton.js';
import { INVOICE_LINE_MODEL } from '../tryton/invoice-line.mapper.js';
import { LINE_PRODUCT_FIELDS, type LineRow, lineProductDomain, toProduct } from '../tryton/line.js';
import type { ModelName } from '../tryton/rows.js';
import { SALE_LINE_MODEL } from '../tryton/sale-line.mapper.js';

/**
 * Products are catalogue data, shared by every customer and without a customer scope in
 * Tryton. A customer reaches one only through a line of theirs that names it, so it is read
 * on those lines (scoped like any line), never from the catalogue.
 */
export class ProductsService {
  constructor(private readonly tryton: CustomerTryton) {}

  /** The product if one of the customer's order lines, or else invoice lines, names it. */
  async byId(id: number): Promise<Product | null> {
    const models: ModelName<LineRow>[] = [SALE_LINE_MODEL, INVOICE_LINE_MODEL];
    for (const model of models) {
      const [row] = await this.tryton.searchRead(
        model,
        lineProductDomain(id),
        LINE_PRODUCT_FIELDS,
        { limit: 1 },
      );
      const product = row ? toProduct(row) : null;
      if (product) return product;
    }
    return null;
  }
}
