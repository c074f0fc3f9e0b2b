import { Avatar } from '@/components/avatar';
import { messages } from '@/config/messages';
import { classNames } from '@/lib/class-names';
import type { MentionOption } from '../utils/mention-query';

const t = messages.composer;

interface MentionListboxProps {
  id: string;
  options: MentionOption[];
  active: number;
  onActivate: (index: number) => void;
  onPick: (option: MentionOption) => void;
}

export function mentionOptionId(listboxId: string, index: number): string {
  return `${listboxId}-${index}`;
}

/**
 * The people (and @channel, @here) an `@word` in the composer matches. The field keeps the focus and points at
 * the active option with aria-activedescendant; a click picks without taking the focus from the field.
 */
export function MentionListbox({ id, options, active, onActivate, onPick }: MentionListboxProps) {
  return (
    <ul id={id} role="listbox" aria-label={t.mentionList} className="mention-listbox">
      {options.map((option, index) => (
        <li
          key={option.id}
          id={mentionOptionId(id, index)}
          role="option"
          aria-selected={index === active}
          className={classNames('mention-option', index === active && 'mention-option--active')}
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => index !== active && onActivate(index)}
          onClick={() => onPick(option)}
        >
          {option.kind === 'person' ? (
            <>
              <span className="mention-option__avatar">
                <Avatar name={option.user.fullName} src={option.user.avatarURL} size={24} />
                {option.user.online !== undefined && (
                  <span
                    className={option.user.online ? 'presence-dot presence-dot--online' : 'presence-dot'}
                    aria-hidden="true"
                  />
                )}
              </span>
              <span className="mention-option__name">{option.user.fullName}</span>
              <span className="mention-option__handle">@{option.user.username}</span>
            </>
          ) : (
            <>
              <span className="mention-option__avatar mention-option__avatar--all" aria-hidden="true">
                @
              </span>
              <span className="mention-option__name">@{option.name}</span>
              <span className="mention-option__handle">
                {option.name === 'channel' ? t.mentionChannel : t.mentionHere}
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
