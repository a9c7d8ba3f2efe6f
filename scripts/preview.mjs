// `npm start`: serves the built app with vite preview on a fixed port and prints the URL.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
await preview({ preview: { port, strictPort: true, host: '127.0.0.1' } });
console.log(`\n  Hearth is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)\n`);
