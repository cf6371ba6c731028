import { Component, type ReactNode } from 'react';
import { describeError } from '../api/http';
import { ProblemMessage } from '../components/ProblemMessage';

type State = { message: string | null };

/** A page that fails to load (its chunk, after a release) or to render shows a message, not a blank tab. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: describeError(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <ProblemMessage
        title="This page could not be shown"
        message={this.state.message}
        onRetry={() => window.location.reload()}
      />
    );
  }
}
