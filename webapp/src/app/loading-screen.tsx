import { Spinner } from '@/components/spinner';
import { messages } from '@/config/messages';

export function LoadingScreen() {
  return (
    <main className="loading-screen">
      <Spinner label={messages.app.loading} labelVisible />
    </main>
  );
}
