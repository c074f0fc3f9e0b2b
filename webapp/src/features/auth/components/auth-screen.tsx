import { useState } from 'react';
import { messages } from '@/config/messages';
import { SignInForm } from './sign-in-form';
import { SignUpForm } from './sign-up-form';
import './auth-screen.css';

type Mode = 'sign-in' | 'sign-up';

interface AuthScreenProps {
  initialMode?: Mode;
  /** Focus the heading on mount: this screen replaced the app frame (after signing out). */
  focusHeading?: boolean;
}

/** Sign-in and sign-up, switched in place (there is no router yet: any URL shows this screen). */
export function AuthScreen({ initialMode = 'sign-in', focusHeading = false }: AuthScreenProps) {
  const [mode, setMode] = useState<Mode>(initialMode);
  // A fresh page keeps the browser's initial focus; a switch moves focus to the new heading.
  const [switched, setSwitched] = useState(focusHeading);
  const switchTo = (next: Mode) => {
    setMode(next);
    setSwitched(true);
  };

  return (
    <main className="auth-screen">
      <div className="auth-card">
        <p className="auth-brand" aria-hidden="true">
          {messages.app.name}
        </p>
        {mode === 'sign-in' ? (
          <SignInForm key="sign-in" focusHeading={switched} onSwitchToSignUp={() => switchTo('sign-up')} />
        ) : (
          <SignUpForm key="sign-up" focusHeading={switched} onSwitchToSignIn={() => switchTo('sign-in')} />
        )}
      </div>
    </main>
  );
}
