import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Public pages are read on old phones: keep the output plain ES2020.
    target: 'es2020',
  },
});
