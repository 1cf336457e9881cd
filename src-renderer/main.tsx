/** Renderer entry: listen to main, read settings and vault state, render. */
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { listenToMain, useSession } from './state/session.js';
import './styles.css';

listenToMain();
void useSession.getState().start();
createRoot(document.getElementById('root')!).render(<App />);
