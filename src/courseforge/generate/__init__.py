"""Course generation: seeds -> course plan -> passages -> module pages, course pages and quizzes."""
