import { describe, expect, it } from 'vitest';
import { seriesNames } from './series.js';

describe('seriesNames', () => {
  it('names the fiscal year move sequence per series', () => {
    expect(seriesNames('7.0').fiscalYearMoveSequence).toBe('post_move_sequence');
    expect(seriesNames('7.6').fiscalYearMoveSequence).toBe('move_sequence');
    expect(seriesNames('8.0').fiscalYearMoveSequence).toBe('move_sequence');
    expect(seriesNames('7.0').moveSequenceModel).toBe('ir.sequence');
    expect(seriesNames('7.6').moveSequenceModel).toBe('ir.sequence.strict');
    expect(seriesNames('7.0').addressBuildingName).toBe('name');
    expect(seriesNames('7.6').addressBuildingName).toBe('building_name');
    expect(seriesNames('7.0').shipmentToDone.at(-1)).toBe('done');
    expect(seriesNames('8.0').shipmentToDone.slice(-2)).toEqual(['ship', 'do']);
  });
});
