/**
 * The rep's other open conversations in this browser with each one's stage (this tab's own is the
 * header's ticket); a click (or `[` / `]`) brings a chat's tab to the front. Ticket ids come from
 * helpdesk pages: rendered as text only.
 */
import type { OpenChat } from '../../messaging/protocol';
import { t } from '../../shared/i18n';
import { trusted } from './trusted';

export function Chats({ chats, onJump }: { chats: readonly OpenChat[]; onJump: (tabId: number) => void }) {
  const others = chats.filter((c) => !c.current);
  if (others.length === 0) return null;
  return (
    <nav class="block chats" aria-labelledby="rp-chats">
      <h3 id="rp-chats">{t('panel_chats', others.length)}</h3>
      <ul>
        {others.map((c) => (
          <li key={c.tabId} data-stage={c.stage}>
            <button type="button" onClick={trusted(() => onJump(c.tabId))}>
              <span>#{c.ticketId}</span> <span class="muted">{t(`stage_${c.stage.replace(/-/g, '_')}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
