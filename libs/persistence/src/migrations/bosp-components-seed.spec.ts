import { BOSP_GUIDELINES_63_2023 } from '@mutu/domain';
import { SEED_COMPONENTS, SEED_SOURCE } from './1760000001400-bosp-components';

// The migration keeps a frozen copy of the guidelines' list; it must be the list the domain names.
it('the seeded BOSP component list is the one of Permendikbudristek 63/2023', () => {
  expect(SEED_COMPONENTS).toEqual(BOSP_GUIDELINES_63_2023.components);
  expect(SEED_SOURCE).toBe(BOSP_GUIDELINES_63_2023.source);
  expect(SEED_COMPONENTS).toHaveLength(12);
});
