import { graphql } from '../../gql';

export const REPORT_FIELDS = graphql(`
  fragment ReportFields on SubjectReport {
    cycleId
    resultSet
    visibility
    reportVersion
    responseCount
    scoredAt
    roleProfileId
    subject {
      id
      name
      title
      department
    }
    overall {
      others
      self
      fit
      gap
      dimensionsIncluded
      dimensionsTotal
    }
    dimensions {
      dimensionId
      name
      target
      fit
      gap
      others {
        n
        mean
        ciLow
        ciHigh
        suppressed
        suppressionReason
        includes
      }
      groups {
        group
        n
        mean
        ciLow
        ciHigh
        sd
        rwg
        suppressed
        suppressionReason
      }
    }
    strengthsByFit {
      dimensionId
      name
      others
      target
      fit
    }
    developmentAreasByFit {
      dimensionId
      name
      others
      target
      fit
    }
    strengths {
      dimensionId
      name
      others
      target
      fit
    }
    developmentAreas {
      dimensionId
      name
      others
      target
      fit
    }
    blindSpots {
      dimensionId
      name
      self
      others
      gap
      ciLow
      ciHigh
    }
    hiddenStrengths {
      dimensionId
      name
      self
      others
      gap
      ciLow
      ciHigh
    }
    transitionRisks {
      id
      name
      description
      status
      signalsOn
      signalsEvaluated
      minSignals
    }
    lowAgreement {
      dimensionId
      name
      scope
      n
      rwg
    }
    readiness {
      profileId
      name
      status
      share
      meets
      assessed
      meanFit
    }
    comments {
      dimensionId
      group
      text
    }
    items {
      itemId
      text
      dimensionId
      gap
      others {
        n
        mean
        ciLow
        ciHigh
        suppressed
        suppressionReason
        includes
      }
      groups {
        group
        n
        mean
        ciLow
        ciHigh
        suppressed
        suppressionReason
      }
    }
    highestItems {
      itemId
      text
      dimensionId
      others
      n
      ciLow
      ciHigh
    }
    lowestItems {
      itemId
      text
      dimensionId
      others
      n
      ciLow
      ciHigh
    }
    comparisons {
      norms {
        dimensionId
        name
        organisationCycles
        cycle {
          percentile
          normSize
          available
          reason
        }
        organisation {
          percentile
          normSize
          available
          reason
        }
      }
      trend {
        previousCycleId
        previousInstrumentVersion
        instrumentVersion
        ratersInCommon
        dimensions {
          dimensionId
          name
          previous
          current
          change
          ciLow
          ciHigh
          call
          itemsInCommon
          previousRaters
          currentRaters
          previousGroupMix {
            published {
              group
              count
            }
            merged
          }
          currentGroupMix {
            published {
              group
              count
            }
            merged
          }
        }
      }
    }
  }
`);

export const SUBJECT_REPORT = graphql(`
  query SubjectReport($cycleId: ID!, $subjectId: ID!, $resultSet: String) {
    subjectReport(cycleId: $cycleId, subjectId: $subjectId, resultSet: $resultSet) {
      ...ReportFields
    }
  }
`);

export const SUBJECT_REPORT_CHANGED = graphql(`
  subscription SubjectReportChanged($cycleId: ID!, $subjectId: ID!) {
    subjectReportChanged(cycleId: $cycleId, subjectId: $subjectId) {
      ...ReportFields
    }
  }
`);
