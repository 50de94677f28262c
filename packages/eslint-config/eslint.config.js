import { leaderscope } from './index.js';

export default leaderscope({ dir: import.meta.dirname, esm: true });
