import { describe, expect, it } from 'vitest';
import { messages } from '@/config/messages';
import {
  utf8Length,
  validateAvatarURL,
  validateFullName,
  validateNewPassword,
  validatePhoneNumber,
  validateUsername,
} from '@/lib/validation';

const m = messages.validation;

describe('account rules', () => {
  it('full name: 1 to 100 characters, blanks do not count', () => {
    expect(validateFullName('')).toBe(m.fullNameRequired);
    expect(validateFullName('   ')).toBe(m.fullNameRequired);
    expect(validateFullName('A')).toBeUndefined();
    expect(validateFullName('x'.repeat(100))).toBeUndefined();
    expect(validateFullName('x'.repeat(101))).toBe(m.fullNameTooLong);
  });

  it('username: 3 to 32 of a-z 0-9 . _ -', () => {
    expect(validateUsername('')).toBe(m.usernameRequired);
    expect(validateUsername('ab')).toBe(m.usernameLength);
    expect(validateUsername('abc')).toBeUndefined();
    expect(validateUsername('a.b_c-1')).toBeUndefined();
    expect(validateUsername('a'.repeat(32))).toBeUndefined();
    expect(validateUsername('a'.repeat(33))).toBe(m.usernameLength);
    expect(validateUsername('Ada')).toBe(m.usernameCharacters);
    expect(validateUsername('ada lovelace')).toBe(m.usernameCharacters);
  });

  it('password: 8 to 72 bytes of UTF-8, not characters', () => {
    expect(utf8Length('é')).toBe(2);
    expect(validateNewPassword('')).toBe(m.passwordRequired);
    expect(validateNewPassword('1234567')).toBe(m.passwordTooShort);
    expect(validateNewPassword('éééé')).toBeUndefined(); // 4 characters, 8 bytes
    expect(validateNewPassword('x'.repeat(72))).toBeUndefined();
    expect(validateNewPassword('é'.repeat(37))).toBe(m.passwordTooLong); // 37 characters, 74 bytes
  });

  it('phone number: optional, E.164', () => {
    expect(validatePhoneNumber('')).toBeUndefined();
    expect(validatePhoneNumber('+15551234567')).toBeUndefined();
    expect(validatePhoneNumber('5551234567')).toBe(m.phoneNumberFormat);
    expect(validatePhoneNumber('+05551234567')).toBe(m.phoneNumberFormat);
    expect(validatePhoneNumber('+1234567890123456')).toBe(m.phoneNumberFormat);
  });

  it('avatar URL: optional, http or https only', () => {
    expect(validateAvatarURL('')).toBeUndefined();
    expect(validateAvatarURL('https://example.com/a.png')).toBeUndefined();
    expect(validateAvatarURL('http://example.com/a.png')).toBeUndefined();
    expect(validateAvatarURL('javascript:alert(1)')).toBe(m.avatarURLFormat);
    expect(validateAvatarURL('ftp://example.com/a.png')).toBe(m.avatarURLFormat);
    expect(validateAvatarURL('example.com/a.png')).toBe(m.avatarURLFormat);
  });
});
