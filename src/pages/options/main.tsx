/** Options page entry: settings for the rep and the playbook editor for admins and leads. */
import { render } from 'preact';
import './options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
