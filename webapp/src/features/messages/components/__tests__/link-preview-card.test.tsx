import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import { messageHandlers, messageOf } from '@/testing/test-utils';
import type { LinkPreview } from '@/types/api';
import { LinkPreviewCard } from '../link-preview-card';
import { MessageItem } from '../message-item';

const t = messages.linkPreview;

const preview: LinkPreview = {
  url: 'https://news.example/a',
  title: 'Tom & Jerry <b>',
  description: 'What it is about',
  siteName: 'The News',
  imageUrl: '/api/messages/m1/preview/image?v=1',
};

function renderItem(selfId: string, handlers = messageHandlers()) {
  render(
    <MessageItem
      message={messageOf({
        text: 'see https://news.example/a',
        user: { id: 'u-2', username: 'bob', fullName: 'Bob', avatarURL: null },
        preview,
      })}
      grouped={false}
      selfId={selfId}
      canModerate={false}
      editing={false}
      savingEdit={false}
      handlers={handlers}
    />,
  );
  return handlers;
}

describe('LinkPreviewCard', () => {
  it('links its title to the page in a new tab, without giving the page a way back', () => {
    render(<LinkPreviewCard preview={preview} />);
    const title = screen.getByRole('link', { name: `${preview.title} ${t.newTab}` });
    expect(title).toHaveAttribute('href', preview.url);
    expect(title).toHaveAttribute('target', '_blank');
    expect(title).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('The News')).toBeInTheDocument();
    expect(screen.getByText('What it is about')).toBeInTheDocument();
  });

  it('shows the server’s copy of the picture as decoration, its size reserved before it loads', () => {
    const { container } = render(<LinkPreviewCard preview={preview} />);
    const image = container.querySelector('img');
    expect(image).toHaveAttribute('src', preview.imageUrl);
    expect(image).toHaveAttribute('alt', '');
    expect(image).toHaveAttribute('width', '80');
    expect(image).toHaveAttribute('height', '80');
    expect(screen.queryByRole('img')).toBeNull(); // decorative: not announced
  });

  it('shows text as text and a page address that is not a web address as no link', () => {
    render(
      <LinkPreviewCard
        preview={{ ...preview, url: 'javascript:alert(1)', imageUrl: null, description: null }}
      />,
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText(preview.title)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });

  it('offers its author, and only its author, a named button that removes it', async () => {
    const handlers = renderItem('u-2');
    await userEvent.click(screen.getByRole('button', { name: t.remove(preview.title) }));
    expect(handlers.onRemovePreview).toHaveBeenCalledWith(expect.objectContaining({ id: 'm1' }));
  });

  it('has no remove button for other members', () => {
    renderItem('u-9');
    expect(screen.getByRole('link', { name: `${preview.title} ${t.newTab}` })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.remove(preview.title) })).toBeNull();
  });
});
