/** Applications that take part in a selection: submitted before the deadline and not withdrawn. */
export function isEvaluable(application: { submittedVersions: number; status: string }): boolean {
  return application.submittedVersions > 0 && application.status !== 'WITHDRAWN';
}

/** The evaluable applications with fewer than `minimum` reviews: the selection cannot start before they have them. */
export function missingReviews(
  applications: ReadonlyArray<{ applicationId: string; trackingNumber: string; submittedVersions: number; status: string }>,
  reviews: ReadonlyArray<{ applicationId: string }>,
  minimum: number,
): Array<{ applicationId: string; trackingNumber: string; reviews: number }> {
  const counts = new Map<string, number>();
  for (const review of reviews) counts.set(review.applicationId, (counts.get(review.applicationId) ?? 0) + 1);
  return applications
    .filter(isEvaluable)
    .map((a) => ({ applicationId: a.applicationId, trackingNumber: a.trackingNumber, reviews: counts.get(a.applicationId) ?? 0 }))
    .filter((a) => a.reviews < minimum)
    .sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1));
}
