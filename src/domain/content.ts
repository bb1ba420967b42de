import type { Question, Topic } from './question';
import type { Source } from './source';

/** A topic as `questions/topics.yaml` lists it: its id and the name the app shows. */
export type TopicInfo = { id: Topic; name: string };

/** A file of questions on one theme. */
export type Bank = { id: string; title: string; description: string; file: string; questionIds: string[] };

/** Everything the checked banks and sources hold. */
export type Content = { topics: TopicInfo[]; sources: Source[]; banks: Bank[]; questions: Question[] };
