import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '@/testing/test-utils';
import { AppFrame } from '@/features/shell/components/app-frame';

const ada = { fullName: 'Ada Lovelace', avatarURL: null };

describe('AppFrame', () => {
  it('has banner, channel navigation and main landmarks, and a skip link to the main area', () => {
    render(<AppFrame user={ada} onSignOut={vi.fn()} />);

    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Channels' })).toHaveTextContent('No channels yet');
    const main = screen.getByRole('main');
    expect(
      within(main).getByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', `#${main.id}`);
  });

  it("shows the user's name with initials when there is no avatar", () => {
    render(<AppFrame user={ada} onSignOut={vi.fn()} />);

    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(banner).getByText('AL')).toBeInTheDocument();
    expect(banner.querySelector('img')).toBeNull();
  });

  it('shows the avatar picture as decoration next to the name', () => {
    render(<AppFrame user={{ ...ada, avatarURL: 'https://example.com/ada.png' }} onSignOut={vi.fn()} />);

    const img = screen.getByRole('banner').querySelector('img');
    expect(img).toHaveAttribute('src', 'https://example.com/ada.png');
    expect(img).toHaveAttribute('alt', '');
  });

  it('opens the navigation drawer from the Menu button; Escape closes it and gives focus back', async () => {
    const user = userEvent.setup();
    render(<AppFrame user={ada} onSignOut={vi.fn()} />);
    const menu = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Channels' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', nav.id);

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(nav).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('closes the drawer from its own Close button, for touch screen reader users', async () => {
    const user = userEvent.setup();
    render(<AppFrame user={ada} onSignOut={vi.fn()} />);
    const menu = screen.getByRole('button', { name: 'Menu' });

    await user.click(menu);
    await user.click(screen.getByRole('button', { name: 'Close menu' }));

    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
  });

  it('signs out, showing progress meanwhile', async () => {
    const user = userEvent.setup();
    const done = deferred<void>();
    const onSignOut = vi.fn(() => done.promise);
    render(<AppFrame user={ada} onSignOut={onSignOut} />);

    const menu = screen.getByRole('button', { name: /Ada Lovelace, account, theme and sign out/ });
    expect(screen.getByRole('button', { name: 'Sign out', hidden: true })).not.toBeVisible();
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByLabelText('Theme')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(onSignOut).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: /signing out…/i })).toBeDisabled();
    done.resolve();
  });

  it('closes the user menu with Escape and gives focus back to its button', async () => {
    const user = userEvent.setup();
    render(<AppFrame user={ada} onSignOut={vi.fn()} />);
    const menu = screen.getByRole('button', { name: /account, theme and sign out/ });

    await user.click(menu);
    await user.keyboard('{Escape}');

    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });
});
