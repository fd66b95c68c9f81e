import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';
import { SessionBar } from './login/session-bar';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Backup Lens', template: '%s · Backup Lens' },
  description: "Which pod volumes Velero's fs-backup will take, which it will skip, and why — before any backup runs.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <SessionBar />
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
