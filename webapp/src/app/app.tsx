import { AppScreens } from './app-screens';
import { AppProvider } from './provider';
import './app.css';

export function App() {
  return (
    <AppProvider>
      <AppScreens />
    </AppProvider>
  );
}
