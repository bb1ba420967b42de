import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; fallback: (error: Error) => ReactNode; resetKey?: string };
type State = { error: Error | undefined };

/** Keeps one failing screen from blanking the whole app; resets when `resetKey` (the path) changes. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
