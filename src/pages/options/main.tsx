/** Options page entry: settings for the rep and the playbook editor for admins and leads. */
import { render } from 'preact';
import './options.css';
import { App } from './App';
import { ensureMessages } from '../../shared/i18n';

// Before the first render: the browser may have lost the message bundle (see ensureMessages).
void ensureMessages().then(() => render(<App />, document.getElementById('app')!));
