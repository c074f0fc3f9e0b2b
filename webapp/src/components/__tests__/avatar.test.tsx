import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar, getInitials } from '@/components/avatar';

describe('Avatar', () => {
  it('shows initials when there is no picture', () => {
    render(<Avatar name="Ada Lovelace" src="" />);
    expect(screen.getByText('AL')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows the picture as decoration (alt="") and falls back to initials when it fails to load', () => {
    const { container } = render(<Avatar name="Grace Brewster Hopper" src="https://example.com/g.png" />);
    const img = container.querySelector('img');
    expect(img).toHaveAttribute('alt', '');

    fireEvent.error(img!);

    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('GH')).toBeInTheDocument();
  });

  it('makes initials from the first and last word', () => {
    expect(getInitials('plato')).toBe('P');
    expect(getInitials('  ada   king  lovelace ')).toBe('AL');
    expect(getInitials('élodie ñuñez')).toBe('ÉÑ');
    expect(getInitials('')).toBe('?');
  });
});
