// A rendering bug must not leave a blank page or show a stack trace: people get a sentence and a
// way back; the details go to the console for developers.
import { Component, type ReactNode } from 'react';

const TEXT = {
  id: { title: 'Maaf, halaman ini gagal ditampilkan.', back: 'Kembali ke beranda' },
  en: { title: 'Sorry, this page could not be shown.', back: 'Back to home' },
};

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = TEXT[document.documentElement.lang === 'en' ? 'en' : 'id'];
    return (
      <main id="main">
        <p className="error" role="alert">{t.title}</p>
        <a href="/app/">{t.back}</a>
      </main>
    );
  }
}
