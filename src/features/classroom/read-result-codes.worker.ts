import { readResultCodes } from '@/content/read-result-codes';

// Reading thousands of codes (inflating and checking each) takes seconds: here it never freezes the page.
self.onmessage = (event: MessageEvent<string>) => {
  self.postMessage(readResultCodes(event.data));
};
