/**
 * Every string a person can see or hear in the web client, in one place so that it can be translated.
 * Strings that take values are functions; nothing else in src/ should contain user-visible English.
 * (Texts that come from the server, such as a validation message in a problem+json body, are shown as sent.)
 */
import { rules } from './constants';

const seconds = (n: number) => (n === 1 ? '1 second' : `${n} seconds`);

export const messages = {
  app: {
    name: 'NetChat',
    loading: 'Loading NetChat…',
    documentTitle: (screen?: string) => (screen ? `${screen} · NetChat` : 'NetChat'),
  },
  auth: {
    signIn: {
      heading: 'Sign in to NetChat',
      title: 'Sign in',
      submit: 'Sign in',
      busy: 'Signing in…',
      toSignUpPrompt: 'New to NetChat?',
      toSignUp: 'Create an account',
    },
    signUp: {
      heading: 'Create your NetChat account',
      title: 'Create account',
      submit: 'Create account',
      busy: 'Creating account…',
      toSignInPrompt: 'Already have an account?',
      toSignIn: 'Sign in',
    },
    fields: {
      fullName: 'Full name',
      username: 'Username',
      password: 'Password',
      phoneNumber: 'Phone number',
      avatarURL: 'Avatar URL',
      optional: '(optional)',
    },
    hints: {
      username: `${rules.username.min} to ${rules.username.max} characters: lowercase letters, digits, dots, underscores and hyphens.`,
      newPassword: `At least ${rules.password.minBytes} characters.`,
      phoneNumber: 'International format, for example +15551234567.',
      avatarURL: 'A link to a picture, starting with https://.',
    },
    errors: {
      wrongCredentials: 'Wrong username or password',
      usernameTaken: 'That username is already taken. Try another one.',
      tooManyAttempts: (retryAfterSeconds?: number) =>
        retryAfterSeconds === undefined
          ? 'Too many attempts, try again later.'
          : `Too many attempts, try again in ${seconds(retryAfterSeconds)}.`,
      unavailable: (retryAfterSeconds?: number) =>
        retryAfterSeconds === undefined
          ? 'NetChat is unavailable right now, try again later.'
          : `NetChat is unavailable right now, try again in ${seconds(retryAfterSeconds)}.`,
      network: 'Cannot reach NetChat. Check your connection and try again.',
      unexpected: 'Something went wrong. Please try again.',
      fieldRejected: 'This value was not accepted.',
    },
  },
  validation: {
    fullNameRequired: 'Enter your full name.',
    fullNameTooLong: `Use at most ${rules.fullName.max} characters.`,
    usernameRequired: 'Enter a username.',
    usernameLength: `Use ${rules.username.min} to ${rules.username.max} characters.`,
    usernameCharacters: 'Use only lowercase letters, digits, dots, underscores and hyphens.',
    passwordRequired: 'Enter a password.',
    passwordTooShort: `Use at least ${rules.password.minBytes} characters.`,
    passwordTooLong: `That password is too long (at most ${rules.password.maxBytes} bytes).`,
    phoneNumberFormat:
      'Use the international format: + then country code and number, for example +15551234567.',
    avatarURLFormat: 'Enter a web address starting with http:// or https://.',
  },
  shell: {
    skipToContent: 'Skip to content',
    menu: 'Menu',
    closeMenu: 'Close menu',
    channelsLabel: 'Channels',
    channelsHeading: 'Channels',
    noChannels: 'No channels yet',
    welcomeHeading: (fullName: string) => `Welcome, ${fullName}`,
    welcomeText: 'Channels and conversations will appear here.',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
} as const;
