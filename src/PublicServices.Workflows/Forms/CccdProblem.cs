namespace PublicServices.Workflows.Forms;

public enum CccdProblem { Format, Province, FutureBirthYear, BirthYearMismatch, GenderMismatch }
