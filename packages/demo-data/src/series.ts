/**
 * What the demo seed writes differently per Tryton series, in one place. The seed asks the
 * server its series (`common.server.version`) once and takes the names from here.
 */
export interface SeriesNames {
  /** The fiscal year's move sequence: `post_move_sequence` up to 7.0, `move_sequence` after. */
  fiscalYearMoveSequence: string;
  /** The model of that sequence: `ir.sequence` up to 7.0, `ir.sequence.strict` after. */
  moveSequenceModel: string;
  /** An address's building name: `name` up to 7.0, `building_name` after. */
  addressBuildingName: string;
  /** The buttons taking a customer shipment to done: 7.2 adds `ship` and renames `done` to `do`. */
  shipmentToDone: string[];
  /** Sales have a quotation validity (`quotation_date`, `quotation_validity`) since 7.2. */
  quotationValidity: boolean;
  /** The field of `ir.model` holding the model's name (`sale.sale`): `model` up to 7.0, `name` after. */
  modelNameField: string;
}

export function seriesNames(version: string): SeriesNames {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const since72 = major > 7 || (major === 7 && minor >= 2);
  return since72
    ? {
        fiscalYearMoveSequence: 'move_sequence',
        moveSequenceModel: 'ir.sequence.strict',
        addressBuildingName: 'building_name',
        shipmentToDone: ['assign_force', 'pick', 'pack', 'ship', 'do'],
        quotationValidity: true,
        modelNameField: 'name',
      }
    : {
        fiscalYearMoveSequence: 'post_move_sequence',
        moveSequenceModel: 'ir.sequence',
        addressBuildingName: 'name',
        shipmentToDone: ['assign_force', 'pick', 'pack', 'done'],
        quotationValidity: false,
        modelNameField: 'model',
      };
}
