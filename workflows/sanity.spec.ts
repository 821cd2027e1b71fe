import { createMachine, initialTransition } from 'xstate';
test('xstate', () => { const m = createMachine({ initial: 'a', states: { a: {} } }); expect(initialTransition(m)[0].value).toBe('a'); });
