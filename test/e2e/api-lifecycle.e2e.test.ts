import { startTestStack } from '../support/stack';
import { describeLifecycle } from './api-lifecycle.suite';

describeLifecycle('API: a program walks its whole lifecycle with the seeded users of each role', () => startTestStack());
