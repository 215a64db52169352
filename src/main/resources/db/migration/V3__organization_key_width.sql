-- An organization name is at most 200 characters, but its lower-cased key can be longer: "İ" lower-cases to two
-- characters (issue 7, item 10: 200 "İ" overflowed the key). Three times the name covers every case mapping.
alter table miic_organization alter column name_key set data type varchar(600);
