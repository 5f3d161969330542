namespace PublicServices.Platform.Identity;

public enum UnitKind { School, ProvincialDepartment, RecognitionCentre, ExamCouncil, Ministry }
