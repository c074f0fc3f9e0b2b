import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ThemeSwitch } from '@/features/shell/components/theme-switch';
import { initTheme } from '@/lib/theme';
import { setSystemDarkMode } from '@/testing/match-media';

describe('ThemeSwitch', () => {
  let stop: () => void;
  beforeEach(() => {
    stop = initTheme();
  });
  afterEach(() => stop());

  it('remembers the choice in localStorage and applies it as data-theme and color-scheme', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    const select = screen.getByLabelText('Theme');
    expect(select).toHaveValue('system');

    await user.selectOptions(select, 'Dark');

    expect(window.localStorage.getItem('netchat.theme')).toBe('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');

    await user.selectOptions(select, 'Light');
    expect(window.localStorage.getItem('netchat.theme')).toBe('light');
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');
  });

  it('follows prefers-color-scheme while set to System', async () => {
    render(<ThemeSwitch />);
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');

    act(() => setSystemDarkMode(true));

    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');
  });

  it('starts from the remembered choice', () => {
    window.localStorage.setItem('netchat.theme', 'dark');
    stop();
    stop = initTheme();
    render(<ThemeSwitch />);

    expect(screen.getByLabelText('Theme')).toHaveValue('dark');
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
  });
});
