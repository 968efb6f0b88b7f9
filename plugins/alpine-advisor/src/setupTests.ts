import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Role queries over full MUI pages are slow on small CI machines.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(30_000);

// jsdom has no layout, so recharts' ResponsiveContainer gets an observer that never fires.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??=
  NoLayoutResizeObserver;
