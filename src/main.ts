// The UI's composition root: start the engine worker, connect to it, mount the app.
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { connectEngineWorker } from './protocol/connect-worker';
import { AppUpdate } from './pwa/app-update.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const worker = new Worker(new URL('./engine/engine-worker.ts', import.meta.url), { type: 'module', name: 'hearth-engine' });
const engine = connectEngineWorker(worker);

// The service worker (offline start, update prompt, notifications) exists in the production build only.
const update = new AppUpdate();
if (import.meta.env.PROD) update.start();

export default mount(App, { target, props: { engine, update } });
