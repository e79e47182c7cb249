/** Team-lead dashboard entry: see App.tsx. */
import { render } from 'preact';
import { ensureMessages, uiLocale } from '../../shared/i18n';
import { App } from './App';
import './dashboard.css';

// Before the first render: the browser may have lost the message bundle (see ensureMessages).
void ensureMessages().then(() => {
  // Screen readers pick their voice from the page language: say which one the strings are in.
  document.documentElement.lang = uiLocale();
  render(<App />, document.getElementById('app')!);
});
