package vn.dxgov.assessment.internal;

/** Marker of the assessment page controllers, for their error handling. */
interface AssessmentUi {
}
