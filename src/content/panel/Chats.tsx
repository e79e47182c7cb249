/**
 * The rep's open conversations in this browser with each one's stage; a click (or `[` / `]`) brings a
 * chat's tab to the front. Shown when there is more than one. Ticket ids come from helpdesk pages:
 * rendered as text only.
 */
import type { OpenChat } from '../../messaging/protocol';
import { t } from '../../shared/i18n';
import { trusted } from './trusted';

export function Chats({ chats, onJump }: { chats: readonly OpenChat[]; onJump: (tabId: number) => void }) {
  if (chats.length < 2) return null;
  return (
    <nav class="block chats" aria-labelledby="rp-chats">
      <h3 id="rp-chats">{t('panel_chats', chats.length)}</h3>
      <ul>
        {chats.map((c) => (
          <li key={c.tabId} data-stage={c.stage}>
            <button type="button" aria-current={c.current ? 'true' : undefined} disabled={c.current} onClick={trusted(() => onJump(c.tabId))}>
              <span>#{c.ticketId}</span> <span class="muted">{t(`stage_${c.stage.replace(/-/g, '_')}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
