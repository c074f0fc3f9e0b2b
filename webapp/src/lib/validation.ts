/**
 * The account rules of API.md as pure checks: each returns the message to show, or undefined when the value
 * is fine. The server checks the same rules; these exist so that people learn about a mistake as they type.
 */
import { rules } from '@/config/constants';
import { messages } from '@/config/messages';

export type Validator = (value: string) => string | undefined;

const m = messages.validation;
const encoder = new TextEncoder();

export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

export const validateFullName: Validator = (value) => {
  const length = value.trim().length;
  if (length < rules.fullName.min) return m.fullNameRequired;
  if (length > rules.fullName.max) return m.fullNameTooLong;
  return undefined;
};

export const validateUsername: Validator = (value) => {
  if (value.length === 0) return m.usernameRequired;
  if (!rules.username.pattern.test(value)) return m.usernameCharacters;
  if (value.length < rules.username.min || value.length > rules.username.max) return m.usernameLength;
  return undefined;
};

export const validateNewPassword: Validator = (value) => {
  if (value.length === 0) return m.passwordRequired;
  const bytes = utf8Length(value);
  if (bytes < rules.password.minBytes) return m.passwordTooShort;
  if (bytes > rules.password.maxBytes) return m.passwordTooLong;
  return undefined;
};

export const validatePhoneNumber: Validator = (value) => {
  if (value === '') return undefined;
  return rules.phoneNumber.pattern.test(value) ? undefined : m.phoneNumberFormat;
};

export const validateAvatarURL: Validator = (value) => {
  if (value === '') return undefined;
  try {
    const url = new URL(value);
    return (rules.avatarURL.protocols as readonly string[]).includes(url.protocol) && url.hostname
      ? undefined
      : m.avatarURLFormat;
  } catch {
    return m.avatarURLFormat;
  }
};

/** Sign-in checks only presence: the account may predate today's rules. */
export const requireUsername: Validator = (value) => (value.trim() === '' ? m.usernameRequired : undefined);
export const requirePassword: Validator = (value) => (value === '' ? m.passwordRequired : undefined);
