import { describe, expect, it } from 'vitest';
import { RetryBudget } from './retry-budget.js';

describe('RetryBudget', () => {
  it('allows its reserve, then one retry per 1/ratio first tries', () => {
    const budget = new RetryBudget(0.1, 3);
    let retries = 0;
    // 100 first tries that all fail, each wanting two retries.
    for (let call = 0; call < 100; call++) {
      budget.deposit();
      for (let attempt = 0; attempt < 2; attempt++) if (budget.withdraw()) retries++;
    }
    // The reserve (3) plus 10 % of 100 first tries, give or take the rounding of deposits.
    expect(retries).toBeGreaterThanOrEqual(12);
    expect(retries).toBeLessThanOrEqual(13);
  });

  it('never holds more than its reserve, however long things went well', () => {
    const budget = new RetryBudget(0.5, 2);
    for (let call = 0; call < 1000; call++) budget.deposit();
    expect([budget.withdraw(), budget.withdraw(), budget.withdraw()]).toEqual([true, true, false]);
  });

  it('refuses every retry at ratio 0 once the reserve is spent', () => {
    const budget = new RetryBudget(0, 1);
    budget.deposit();
    expect(budget.withdraw()).toBe(true);
    budget.deposit();
    expect(budget.withdraw()).toBe(false);
  });
});
