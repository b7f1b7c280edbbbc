/** The SurveyJS comparison page: our seed survey rendered by survey-react-ui on React 19. */
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.min.css';

/** Put in by bench/surveyjs/build.ts from content/surveys/practitioners.yml. */
declare const SURVEY_MODEL: object;

const model = new Model(SURVEY_MODEL);
createRoot(document.getElementById('survey')!).render(<Survey model={model} />);
