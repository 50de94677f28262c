import { useParams } from 'react-router';
import { SurveyPage } from '../features/survey/SurveyPage';

export function RaterSurveyPage() {
  const { token = '' } = useParams();
  return <SurveyPage token={token} />;
}
