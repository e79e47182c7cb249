/** Team-lead dashboard entry: see App.tsx. */
import { render } from 'preact';
import { setFallbackMessages, uiLocale } from '../../shared/i18n';
import { App } from './App';
import './dashboard.css';
import english from '../../../public/_locales/en/messages.json';

setFallbackMessages(english);

// Screen readers pick their voice from the page language: say which one the strings are in.
document.documentElement.lang = uiLocale();
render(<App />, document.getElementById('app')!);
