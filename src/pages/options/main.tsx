/** Options page entry: settings for the rep and the playbook editor for admins and leads. */
import { render } from 'preact';
import './options.css';
import { App } from './App';
import english from '../../../public/_locales/en/messages.json';
import { setFallbackMessages } from '../../shared/i18n';

setFallbackMessages(english);

render(<App />, document.getElementById('app')!);
