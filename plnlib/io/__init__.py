"""Every read and write of user files: CSV, XLSX, form exports, JSON, network files."""
