# One-off generator kept for review: writes workflows/units/exam-schools.csv, the sample of upper-secondary schools.
# The school NAMES are real schools; every school CODE (the 3 digits after the council code) is INVENTED for the sample,
# numbered in the order of this table: the real codes come from the ministry's school list (danh mục trường THPT) and
# are loaded with `publicservices units import … --codelist workflows/codelists/exam-schools.yaml`.
import csv, pathlib
root = pathlib.Path(__file__).resolve().parents[2]
# council, place, [(vi name without "Trường ", en name)]
S = [
 ("01", "Hà Nội", [
   ("THPT Phan Đình Phùng", "Phan Đình Phùng High School"), ("THPT Chu Văn An", "Chu Văn An High School"),
   ("THPT chuyên Hà Nội – Amsterdam", "Hà Nội – Amsterdam Specialised High School"),
   ("THPT Kim Liên", "Kim Liên High School"), ("THPT Việt Đức", "Việt Đức High School"),
   ("THPT Trần Phú – Hoàn Kiếm", "Trần Phú – Hoàn Kiếm High School"), ("THPT Thăng Long", "Thăng Long High School"),
   ("THPT Yên Hòa", "Yên Hòa High School"), ("THPT Nguyễn Trãi – Ba Đình", "Nguyễn Trãi – Ba Đình High School"),
   ("THPT Cầu Giấy", "Cầu Giấy High School"), ("THPT Nhân Chính", "Nhân Chính High School"),
   ("THPT Lê Quý Đôn – Hà Đông", "Lê Quý Đôn – Hà Đông High School"), ("THPT Quang Trung – Đống Đa", "Quang Trung – Đống Đa High School"),
   ("THPT Xuân Đỉnh", "Xuân Đỉnh High School"), ("THPT Nguyễn Gia Thiều", "Nguyễn Gia Thiều High School"),
   ("THPT chuyên Nguyễn Huệ", "Nguyễn Huệ Specialised High School"), ("THPT Sơn Tây", "Sơn Tây High School"),
   ("THPT Ngọc Hồi", "Ngọc Hồi High School"), ("THPT Mỹ Đức A", "Mỹ Đức A High School"),
   ("THPT Đa Phúc", "Đa Phúc High School")]),
 ("02", "TP. Hồ Chí Minh", [
   ("THPT Lê Hồng Phong", "Lê Hồng Phong High School"), ("THPT chuyên Trần Đại Nghĩa", "Trần Đại Nghĩa Specialised High School"),
   ("THPT Nguyễn Thị Minh Khai", "Nguyễn Thị Minh Khai High School"), ("THPT Gia Định", "Gia Định High School"),
   ("THPT Lê Quý Đôn", "Lê Quý Đôn High School"), ("THPT Bùi Thị Xuân", "Bùi Thị Xuân High School"),
   ("THPT Nguyễn Thượng Hiền", "Nguyễn Thượng Hiền High School"), ("THPT Marie Curie", "Marie Curie High School"),
   ("THPT Trưng Vương", "Trưng Vương High School"), ("THPT Phú Nhuận", "Phú Nhuận High School"),
   ("THPT Mạc Đĩnh Chi", "Mạc Đĩnh Chi High School"), ("THPT Nguyễn Hữu Huân", "Nguyễn Hữu Huân High School"),
   ("THPT Võ Thị Sáu", "Võ Thị Sáu High School"), ("THPT Nguyễn Du", "Nguyễn Du High School"),
   ("THPT Hùng Vương", "Hùng Vương High School")]),
 ("03", "Hải Phòng", [("THPT chuyên Trần Phú", "Trần Phú Specialised High School"), ("THPT Ngô Quyền", "Ngô Quyền High School"),
   ("THPT Thái Phiên", "Thái Phiên High School")]),
 ("04", "Đà Nẵng", [("THPT chuyên Lê Quý Đôn – Đà Nẵng", "Lê Quý Đôn Specialised High School, Đà Nẵng"),
   ("THPT Phan Châu Trinh", "Phan Châu Trinh High School"), ("THPT Hoàng Hoa Thám", "Hoàng Hoa Thám High School")]),
 ("05", "Hà Giang", [("THPT chuyên Hà Giang", "Hà Giang Specialised High School")]),
 ("06", "Cao Bằng", [("THPT chuyên Cao Bằng", "Cao Bằng Specialised High School")]),
 ("12", "Thái Nguyên", [("THPT chuyên Thái Nguyên", "Thái Nguyên Specialised High School"),
   ("THPT Lương Ngọc Quyến", "Lương Ngọc Quyến High School")]),
 ("17", "Quảng Ninh", [("THPT chuyên Hạ Long", "Hạ Long Specialised High School"), ("THPT Hòn Gai", "Hòn Gai High School")]),
 ("19", "Bắc Ninh", [("THPT chuyên Bắc Ninh", "Bắc Ninh Specialised High School"), ("THPT Hàn Thuyên", "Hàn Thuyên High School")]),
 ("25", "Nam Định", [("THPT chuyên Lê Hồng Phong – Nam Định", "Lê Hồng Phong Specialised High School, Nam Định"),
   ("THPT Trần Hưng Đạo", "Trần Hưng Đạo High School")]),
 ("28", "Thanh Hóa", [("THPT chuyên Lam Sơn", "Lam Sơn Specialised High School"), ("THPT Hàm Rồng", "Hàm Rồng High School")]),
 ("29", "Nghệ An", [("THPT chuyên Phan Bội Châu", "Phan Bội Châu Specialised High School"),
   ("THPT Huỳnh Thúc Kháng", "Huỳnh Thúc Kháng High School"), ("THPT Hà Huy Tập", "Hà Huy Tập High School")]),
 ("30", "Hà Tĩnh", [("THPT chuyên Hà Tĩnh", "Hà Tĩnh Specialised High School"),
   ("THPT Phan Đình Phùng – Hà Tĩnh", "Phan Đình Phùng High School, Hà Tĩnh")]),
 ("33", "Huế", [("THPT chuyên Quốc Học", "Quốc Học Specialised High School"), ("THPT Hai Bà Trưng", "Hai Bà Trưng High School"),
   ("THPT Nguyễn Huệ", "Nguyễn Huệ High School")]),
 ("34", "Quảng Nam", [("THPT chuyên Nguyễn Bỉnh Khiêm", "Nguyễn Bỉnh Khiêm Specialised High School"),
   ("THPT Trần Cao Vân", "Trần Cao Vân High School")]),
 ("37", "Bình Định", [("THPT chuyên Lê Quý Đôn – Bình Định", "Lê Quý Đôn Specialised High School, Bình Định")]),
 ("40", "Đắk Lắk", [("THPT chuyên Nguyễn Du", "Nguyễn Du Specialised High School"), ("THPT Buôn Ma Thuột", "Buôn Ma Thuột High School")]),
 ("41", "Khánh Hòa", [("THPT chuyên Lê Quý Đôn – Khánh Hòa", "Lê Quý Đôn Specialised High School, Khánh Hòa"),
   ("THPT Lý Tự Trọng – Khánh Hòa", "Lý Tự Trọng High School, Khánh Hòa")]),
 ("42", "Lâm Đồng", [("THPT chuyên Thăng Long – Đà Lạt", "Thăng Long – Đà Lạt Specialised High School")]),
 ("48", "Đồng Nai", [("THPT chuyên Lương Thế Vinh", "Lương Thế Vinh Specialised High School"), ("THPT Ngô Quyền – Đồng Nai", "Ngô Quyền High School, Đồng Nai")]),
 ("51", "An Giang", [("THPT chuyên Thoại Ngọc Hầu", "Thoại Ngọc Hầu Specialised High School"),
   ("THPT chuyên Thủ Khoa Nghĩa", "Thủ Khoa Nghĩa Specialised High School")]),
 ("55", "Cần Thơ", [("THPT chuyên Lý Tự Trọng", "Lý Tự Trọng Specialised High School"), ("THPT Châu Văn Liêm", "Châu Văn Liêm High School")]),
 ("61", "Cà Mau", [("THPT chuyên Phan Ngọc Hiển", "Phan Ngọc Hiển Specialised High School")]),
 ("62", "Điện Biên", [("THPT chuyên Lê Quý Đôn – Điện Biên", "Lê Quý Đôn Specialised High School, Điện Biên")]),
]
with open(root / "workflows/units/exam-schools.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["code", "kind", "nameVi", "nameEn", "parent", "place", "superior"])
    for council, place, schools in S:
        for i, (vi, en) in enumerate(schools, 1):
            w.writerow([f"{council}-{i:03d}", "School", "Trường " + vi, en, f"sgd-{council}", place, ""])
