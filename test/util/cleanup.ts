import { Testing } from '../../src';

// jest ends its workers without running their `exit` handlers: each test file removes the folders its apps were
// synthesized into when it ends.
afterAll(() => Testing.cleanup());
