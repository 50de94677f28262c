import { leaderscope } from '@leaderscope/eslint-config';

export default leaderscope({ dir: import.meta.dirname });
